/**
 * Every AWS SDK call (IAM, STS, Organizations, S3, Security Hub), settings resolved once per run,
 * and the one AWS error classifier. The only package that imports the AWS SDK. May use render,
 * store, diff, asff, audit, report, io, log and core.
 */
package dev.credreport.aws;
