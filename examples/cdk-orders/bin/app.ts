#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { DataStack } from '../lib/data-stack';
import { ApiStack } from '../lib/api-stack';
import { WorkerStack } from '../lib/worker-stack';

const app = new cdk.App();
const stage: string = app.node.tryGetContext('stage') ?? 'dev';
const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-west-1' };

const data = new DataStack(app, `Orders-Data-${stage}`, { env, stage });
new ApiStack(app, `Orders-Api-${stage}`, { env, stage, ordersTable: data.ordersTable });
new WorkerStack(app, `Orders-Worker-${stage}`, { env, stage, ordersTable: data.ordersTable });
