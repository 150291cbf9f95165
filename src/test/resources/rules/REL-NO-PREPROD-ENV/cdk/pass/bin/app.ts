// The same stack is deployed to staging before production.
import * as cdk from 'aws-cdk-lib';
import { InvoicesStack } from '../lib/invoices-stack';

const app = new cdk.App();
new InvoicesStack(app, 'Invoices-staging', { stage: 'staging' });
new InvoicesStack(app, 'Invoices-prod', { stage: 'prod' });
