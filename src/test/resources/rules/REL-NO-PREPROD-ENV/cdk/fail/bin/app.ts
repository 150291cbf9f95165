// The app deploys one instance of the stack, for production only.
import * as cdk from 'aws-cdk-lib';
import { InvoicesStack } from '../lib/invoices-stack';

const app = new cdk.App();
new InvoicesStack(app, 'Invoices-prod', { stage: 'prod' });
