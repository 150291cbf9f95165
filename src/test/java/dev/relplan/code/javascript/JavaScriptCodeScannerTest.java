package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.HealthEndpoint;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript/TypeScript inventory: axios, fetch, got, node-fetch, AWS SDK v2/v3, pg, ioredis,
 * resilience libraries, health routes.
 */
class JavaScriptCodeScannerTest {
  private static ScanResult scan(String name, String source) {
    return new JavaScriptCodeScanner()
        .scan(
            List.of(new SourceFile(Path.of(name), name, FileKind.SOURCE_CODE, source, List.of())));
  }

  private static ScanResult js(String source) {
    return scan("app.js", source);
  }

  private static ScanResult ts(String source) {
    return scan("app.ts", source);
  }

  private static boolean knownNone(Integration i) {
    return i.timeout.known() && !i.timeout.present();
  }

  @Test
  void axiosWithoutTimeoutHasNoneAndInstanceTimeoutIsFollowed() {
    var r =
        js(
            """
        const axios = require('axios');
        const BASE = 'https://inventory.example.com/api';
        const api = axios.create({ baseURL: BASE, timeout: 2500 });

        async function stock(sku) {
          return (await axios.get(BASE + '/stock/' + sku)).data;
        }

        async function reserve(sku) {
          return api.post('/reserve', { sku });
        }
        """);
    assertThat(r.integrations()).hasSize(2);
    Integration a = r.integrations().get(0);
    assertThat(a.client).isEqualTo("axios");
    assertThat(a.language).isEqualTo("javascript");
    assertThat(a.location.line()).isEqualTo(6);
    assertThat(a.enclosing).isEqualTo("stock");
    assertThat(a.target.get()).isEqualTo("https://inventory.example.com");
    assertThat(knownNone(a)).isTrue();
    Integration b = r.integrations().get(1);
    assertThat(b.timeout.get()).isEqualTo("2500 ms");
    assertThat(b.timeout.trace()).extracting(l -> l.line()).containsExactly(3);
    assertThat(b.clientLocation.line()).isEqualTo(3);
    assertThat(b.target.get()).isEqualTo("https://inventory.example.com");
  }

  @Test
  void axiosPerRequestConfigHeldInAConstAndTimeoutZero() {
    var r =
        ts(
            """
        import axios from 'axios';
        const OPTIONS = { timeout: 3 * 1000 };
        const NONE = { timeout: 0 };
        export class Quotes {
          async a(): Promise<void> { await axios.get('https://a.example.com/q', OPTIONS); }
          async b(): Promise<void> { await axios.post('https://b.example.com/q', {}, NONE); }
          async c(config: object): Promise<void> { await axios.get('https://c.example.com/q', config); }
        }
        """);
    assertThat(r.integrations()).hasSize(3);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("3000 ms");
    assertThat(r.integrations().get(0).enclosing).isEqualTo("Quotes.a");
    assertThat(r.integrations().get(0).language).isEqualTo("typescript");
    assertThat(knownNone(r.integrations().get(1))).isTrue();
    assertThat(r.integrations().get(1).timeout.trace())
        .extracting(l -> l.line())
        .containsExactly(3);
    assertThat(r.integrations().get(2).timeout.unresolved()).isTrue();
  }

  @Test
  void fetchUsesNodeDefaultsAndAbortSignals() {
    var r =
        js(
            """
        import fetch2 from 'node-fetch';
        export async function a() {
          return fetch('https://a.example.com/x');
        }
        export async function b() {
          return fetch('https://b.example.com/x', { signal: AbortSignal.timeout(2000) });
        }
        export async function c() {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 1500);
          return fetch('https://c.example.com/x', { signal: controller.signal });
        }
        export async function d() {
          return fetch2('https://d.example.com/x');
        }
        export async function e() {
          return fetch2('https://e.example.com/x', { timeout: 4000 });
        }
        """);
    assertThat(r.integrations()).hasSize(5);
    assertThat(r.integrations().get(0).timeout.get())
        .isEqualTo("headers 300 s, body 300 s (Node.js fetch defaults)");
    assertThat(r.integrations().get(0).timeout.isExplicit()).isFalse();
    assertThat(r.integrations().get(1).timeout.get()).isEqualTo("AbortSignal.timeout(2000 ms)");
    assertThat(r.integrations().get(2).timeout.get())
        .isEqualTo("AbortController aborted by setTimeout after 1500 ms");
    assertThat(r.integrations().get(2).timeout.trace())
        .extracting(l -> l.line())
        .containsExactly(10);
    assertThat(r.integrations().get(3).client).isEqualTo("node-fetch");
    assertThat(knownNone(r.integrations().get(3))).isTrue();
    assertThat(r.integrations().get(4).timeout.get()).isEqualTo("4000 ms");
  }

  @Test
  void gotHasNoDefaultTimeout() {
    var r =
        js(
            """
        import got from 'got';
        const client = got.extend({ prefixUrl: 'https://rates.example.com', timeout: { request: 3000 } });
        export const a = () => got('https://a.example.com/x').json();
        export const b = () => client.get('latest').json();
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(knownNone(r.integrations().get(0))).isTrue();
    assertThat(r.integrations().get(0).enclosing).isEqualTo("a");
    assertThat(r.integrations().get(0).retry.get()).startsWith("got default: 2 retries");
    assertThat(r.integrations().get(1).timeout.get()).isEqualTo("request 3000 ms");
    assertThat(r.integrations().get(1).target.get()).isEqualTo("https://rates.example.com");
  }

  @Test
  void awsSdkV3RequestHandlerTimeoutsAndDisabledRetries() {
    var r =
        ts(
            """
        import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
        import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
        import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
        import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
        import { NodeHttpHandler } from '@smithy/node-http-handler';

        const s3 = new S3Client({});
        const sqs = new SQSClient({
          requestHandler: new NodeHttpHandler({ connectionTimeout: 1000, requestTimeout: 3000, throwOnRequestTimeout: true }),
          maxAttempts: 1,
        });
        const sns = new SNSClient({ requestHandler: { requestTimeout: 3000 } });
        const ses = new SESv2Client({ requestHandler: { socketTimeout: 5000 } });

        export async function publish(body: string): Promise<void> {
          await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: body }));
          await sqs.send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: body }));
          await sns.send(new PublishCommand({ TopicArn: 't', Message: body }));
          await ses.send(new SendEmailCommand({}));
        }
        """);
    assertThat(r.integrations()).hasSize(4);
    assertThat(r.integrations().get(2).timeout.unresolved()).isTrue();
    assertThat(r.integrations().get(2).timeout.note()).contains("without throwOnRequestTimeout");
    assertThat(r.integrations().get(3).timeout.get()).isEqualTo("socket idle 5000 ms");
    Integration put = r.integrations().get(0);
    assertThat(put.kind).isEqualTo(Integration.Kind.AWS_SDK);
    assertThat(put.target.get()).isEqualTo("AWS s3 PutObject");
    assertThat(knownNone(put)).isTrue();
    assertThat(put.retry.get()).isEqualTo("SDK default: 3 attempts (standard retry mode)");
    assertThat(put.retriesDisabled.isTrue()).isFalse();
    Integration send = r.integrations().get(1);
    assertThat(send.target.get()).isEqualTo("AWS sqs SendMessage");
    assertThat(send.timeout.get())
        .isEqualTo("request 3000 ms (throwOnRequestTimeout), connection 1000 ms");
    assertThat(send.retriesDisabled.isTrue()).isTrue();
    assertThat(send.retriesDisabled.trace()).extracting(l -> l.line()).containsExactly(10);
    assertThat(send.clientLocation.line()).isEqualTo(8);
  }

  @Test
  void awsSdkV2DefaultIsFiniteAndMaxRetriesZeroDisables() {
    var r =
        js(
            """
        const AWS = require('aws-sdk');
        const s3 = new AWS.S3();
        const ddb = new AWS.DynamoDB.DocumentClient({ maxRetries: 0, httpOptions: { timeout: 2000 } });
        exports.save = async (item) => {
          await s3.putObject({ Bucket: 'b', Key: 'k' }).promise();
          await ddb.put({ TableName: 't', Item: item }).promise();
        };
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(r.integrations().get(0).timeout.get())
        .isEqualTo("120 s socket timeout (AWS SDK v2 default httpOptions.timeout)");
    assertThat(r.integrations().get(0).target.get()).isEqualTo("AWS S3 putObject");
    assertThat(r.integrations().get(0).enclosing).isEqualTo("save");
    assertThat(r.integrations().get(1).timeout.get()).isEqualTo("2000 ms");
    assertThat(r.integrations().get(1).retriesDisabled.isTrue()).isTrue();
  }

  @Test
  void pgPoolsAndIoredisClientsAreIntegrationsWhereTheyAreCreated() {
    var r =
        js(
            """
        const { Pool, Client } = require('pg');
        const Redis = require('ioredis');
        const pool = new Pool({ host: 'db.internal', connectionTimeoutMillis: 2000 });
        const safe = new Pool({ query_timeout: 5000 });
        const redis = new Redis({ host: 'cache.internal' });
        const fast = new Redis(6379, 'cache', { commandTimeout: 500 });
        function connect(settings) {
          return new Client(settings);
        }
        async function load(id) {
          await redis.get(id);
          return pool.query('SELECT * FROM orders WHERE id = $1', [id]);
        }
        """);
    assertThat(r.integrations())
        .extracting(i -> i.client + ":" + i.location.line())
        .containsExactly("pg Pool:3", "pg Pool:4", "ioredis:5", "ioredis:6", "pg Client:8");
    Integration orders = r.integrations().get(0);
    assertThat(orders.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(knownNone(orders)).isTrue();
    assertThat(orders.timeout.trace()).extracting(l -> l.line()).containsExactly(3);
    assertThat(orders.target.get()).isEqualTo("PostgreSQL db.internal");
    assertThat(r.integrations().get(1).timeout.get()).isEqualTo("query_timeout 5000 ms");
    assertThat(knownNone(r.integrations().get(2))).isTrue();
    assertThat(r.integrations().get(2).target.get()).isEqualTo("Redis cache.internal");
    assertThat(r.integrations().get(3).timeout.get()).isEqualTo("500 ms");
    assertThat(r.integrations().get(4).timeout.unresolved()).isTrue();
    assertThat(r.integrations().get(4).enclosing).isEqualTo("connect");
  }

  @Test
  void opossumCockatielAndRetryLibrariesAreEvidence() {
    var r =
        ts(
            """
        import axios from 'axios';
        import CircuitBreaker from 'opossum';
        import pRetry from 'p-retry';
        import { circuitBreaker, retry, wrap, handleAll, ConsecutiveBreaker, ExponentialBackoff } from 'cockatiel';

        async function quote(order: string) {
          return axios.get('https://shipping.example.com/quote');
        }
        export const breaker = new CircuitBreaker(quote, { timeout: 3000 });

        const policy = wrap(retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }),
            circuitBreaker(handleAll, { halfOpenAfter: 10000, breaker: new ConsecutiveBreaker(5) }));
        export const track = (id: string) => policy.execute(() => axios.get('https://tracking.example.com/' + id));

        export const rates = () => pRetry(() => axios.get('https://rates.example.com/latest'), { retries: 3 });
        """);
    assertThat(r.integrations()).hasSize(3);
    assertThat(r.integrations().get(0).circuitBreaker.get())
        .startsWith("opossum new CircuitBreaker(quote");
    assertThat(r.integrations().get(0).circuitBreaker.trace())
        .extracting(l -> l.line())
        .containsExactly(9);
    assertThat(r.integrations().get(1).circuitBreaker.get())
        .startsWith("cockatiel circuitBreaker(");
    assertThat(r.integrations().get(1).retry.get()).startsWith("cockatiel retry(");
    assertThat(r.integrations().get(2).retry.get()).startsWith("p-retry pRetry(");
    assertThat(r.integrations().get(2).circuitBreaker.present()).isFalse();
  }

  @Test
  void expressFastifyAndNestHealthEndpoints() {
    var r =
        ts(
            """
        import express from 'express';
        import Fastify from 'fastify';
        import { Controller, Get } from '@nestjs/common';
        import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
        import { Pool } from 'pg';

        const pool = new Pool();
        const app = express();
        const server = Fastify();

        app.get('/health', (req, res) => res.send('ok'));
        app.get('/ready', async (req, res) => {
          await pool.query('SELECT 1');
          res.json({ status: 'up' });
        });
        server.get('/healthz', async () => ({ status: 'ok' }));
        app.get('/orders', (req, res) => res.send([]));

        @Controller('health')
        export class HealthController {
          constructor(private health: HealthCheckService, private db: TypeOrmHealthIndicator) {}

          @Get()
          @HealthCheck()
          check() {
            return this.health.check([() => this.db.pingCheck('database')]);
          }

          @Get('live')
          live() {
            return { status: 'ok' };
          }
        }

        @Controller()
        export class StatusController {
          @Get('readyz')
          ready() {
            return { status: 'ok' };
          }
        }
        """);
    List<HealthEndpoint> h = r.healthEndpoints();
    assertThat(h)
        .extracting(e -> e.framework + " " + e.path + " " + e.location.line())
        .containsExactly(
            "Express GET /health 11",
            "Express GET /ready 12",
            "Fastify GET /healthz 16",
            "NestJS GET /health 25",
            "NestJS GET /readyz 38");
    assertThat(h.get(0).dependencyCheck.present()).isFalse();
    assertThat(h.get(0).response.line()).isEqualTo(11);
    assertThat(h.get(1).dependencyCheck.get()).isEqualTo("query(...)");
    assertThat(h.get(2).dependencyCheck.present()).isFalse();
    assertThat(h.get(3).dependencyCheck.get()).isEqualTo("check(...)");
    assertThat(h.get(3).handler).isEqualTo("HealthController.check");
    assertThat(h.get(4).dependencyCheck.present()).isFalse();
    assertThat(h.get(4).response.line()).isEqualTo(39);
  }

  @Test
  void callsInATsxComponentAreInventoriedWithTheirTimeouts() {
    var r =
        scan(
            "src/OrderView.tsx",
            """
        import axios from 'axios';
        const api = axios.create({ timeout: 2000 });
        export const OrderView = ({ id }: { id: string }) => {
          const load = () => api.get(`/orders/${id}`);
          return <button onClick={() => fetch('https://a.example.com/ping')}>{id}</button>;
        };
        """);
    assertThat(r.skipped()).isEmpty();
    assertThat(r.integrations())
        .extracting(i -> i.client + " " + i.location.line() + " " + i.language)
        .containsExactly("axios 4 typescript", "fetch 5 typescript");
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("2000 ms");
    assertThat(r.integrations().get(0).timeout.trace())
        .extracting(l -> l.line())
        .containsExactly(2);
  }

  @Test
  void aJsxComponentIsReadWithTheJavaScriptGrammar() {
    var r =
        scan(
            "src/Status.jsx",
            """
        import axios from 'axios';
        export function Status() {
          axios.get('https://status.example.com/api');
          return <p>ok</p>;
        }
        """);
    assertThat(r.skipped()).isEmpty();
    assertThat(r.integrations()).hasSize(1);
    assertThat(knownNone(r.integrations().get(0))).isTrue();
    assertThat(r.integrations().get(0).language).isEqualTo("javascript");
  }

  @Test
  void aFileWithASyntaxErrorIsSkippedWithItsLine() {
    var broken = js("import axios from 'axios';\nfunction f( {\n  return axios.get('x');\n");
    assertThat(broken.integrations()).isEmpty();
    assertThat(broken.skipped().get(0).reason()).startsWith("JavaScript syntax error");
  }

  @Test
  void unrelatedGetCallsAndShadowingParametersAreNotIntegrations() {
    var r =
        js(
            """
        const axios = require('axios');
        const cache = new Map();
        const api = axios.create({ timeout: 1000 });
        function f(k, api) {
          return cache.get(k) || api.get(k);
        }
        """);
    assertThat(r.integrations()).isEmpty();
  }

  @Test
  void fastifyRouteObjectsAndParametersThatShadowImports() {
    var r =
        js(
            """
        import Fastify from 'fastify';
        import axios from 'axios';
        const app = Fastify();
        app.route({ method: 'GET', url: '/readyz', handler: async () => ({ ok: true }) });
        app.route({ method: ['GET', 'HEAD'], url: '/health', async handler(request, reply) { return app.pg.query('SELECT 1'); } });
        export function viaParameter(axios) {
          return axios.get('https://a.example.com');
        }
        """);
    assertThat(r.healthEndpoints())
        .extracting(e -> e.path + " " + e.dependencyCheck.present())
        .containsExactly("GET /readyz false", "GET /health true");
    assertThat(r.integrations()).isEmpty();
  }

  @Test
  void cockatielAggressiveTimeoutBoundsTheCallAndCooperativeDoesNot() {
    var r =
        ts(
            """
        import axios from 'axios';
        import { timeout, TimeoutStrategy } from 'cockatiel';
        const hard = timeout(2000, TimeoutStrategy.Aggressive);
        const soft = timeout(2000, TimeoutStrategy.Cooperative);
        export const a = () => hard.execute(() => axios.get('https://a.example.com'));
        export const b = () => soft.execute(() => axios.get('https://b.example.com'));
        """);
    assertThat(r.integrations().get(0).timeout.get())
        .isEqualTo("cockatiel timeout(2000 ms, Aggressive)");
    assertThat(knownNone(r.integrations().get(1))).isTrue();
  }

  @Test
  void axiosRetryOnTheInstanceAndAnAxiosInstanceCalledDirectly() {
    var r =
        js(
            """
        import axios from 'axios';
        import axiosRetry from 'axios-retry';
        const api = axios.create({ timeout: 1000 });
        axiosRetry(api, { retries: 3 });
        export const a = () => api({ url: 'https://a.example.com/x', method: 'post' });
        export const b = () => api.get('https://b.example.com/x', { timeout: 0 });
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("1000 ms");
    assertThat(r.integrations().get(0).retry.get()).startsWith("axios-retry axiosRetry(api");
    assertThat(r.integrations().get(0).target.get()).isEqualTo("https://a.example.com");
    assertThat(knownNone(r.integrations().get(1))).isTrue();
  }

  @Test
  void constructorsReachedThroughDestructuringAndAliases() {
    var r =
        js(
            """
        import pg from 'pg';
        import * as AWS from 'aws-sdk';
        const { Pool } = pg;
        const S3 = AWS.S3;
        const pool = new Pool({ statement_timeout: 2000 });
        const s3 = new S3({ maxRetries: 0 });
        export const put = () => s3.putObject({ Bucket: 'b', Key: 'k' }).promise();
        """);
    assertThat(r.integrations())
        .extracting(i -> i.client + ":" + i.location.line())
        .containsExactly("pg Pool:5", "AWS SDK for JavaScript v2:7");
    assertThat(r.integrations().get(1).retriesDisabled.isTrue()).isTrue();
  }

  @Test
  void aFileWithoutImportsIsScannedForGlobalFetchOnly() {
    var r =
        js(
            """
        export async function load(id) {
          const response = await fetch(`https://catalog.example.com/items/${id}`, { signal: AbortSignal.timeout(800) });
          return response.json();
        }
        """);
    assertThat(r.integrations()).hasSize(1);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("AbortSignal.timeout(800 ms)");
    assertThat(js("export const add = (a, b) => a + b;\n").integrations()).isEmpty();
  }

  @Test
  void aSignalThatCannotBeFollowedDoesNotHideTheInstanceTimeoutAndAnUnknownConfigIsUndetermined() {
    var r =
        ts(
            """
        import axios from 'axios';
        const api = axios.create({ timeout: 1500 });
        export const a = (signal: AbortSignal) => api.get('https://a.example.com', { signal });
        export const b = (signal: AbortSignal) => axios.get('https://b.example.com', { signal });
        export const c = (config: object) => axios(config);
        export const d = (url: string) => axios(url);
        """);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("1500 ms");
    assertThat(r.integrations().get(1).timeout.unresolved()).isTrue();
    assertThat(r.integrations().get(2).timeout.unresolved()).isTrue();
    assertThat(knownNone(r.integrations().get(3))).isTrue();
  }

  @Test
  void anAppCreatedByCallingRequireDirectly() {
    var r =
        js(
            """
        const app = require('fastify')({ logger: true });
        app.get('/health', async () => 'ok');
        """);
    assertThat(r.healthEndpoints())
        .extracting(e -> e.framework + " " + e.path)
        .containsExactly("Fastify GET /health");
  }

  @Test
  void clientsHeldInClassFieldsAndAssignedInTheConstructor() {
    var r =
        ts(
            """
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
        import axios, { AxiosInstance } from 'axios';
        export class Documents {
          private readonly s3 = new S3Client({ requestHandler: { requestTimeout: 2000, throwOnRequestTimeout: true } });
          private readonly http: AxiosInstance;
          constructor() {
            this.http = axios.create({ baseURL: 'https://docs.example.com' });
          }
          async load(key: string) {
            const command = new GetObjectCommand({ Bucket: 'docs', Key: key });
            await this.s3.send(command);
            return this.http.get('/meta/' + key);
          }
        }
        """);
    assertThat(r.integrations())
        .extracting(
            i ->
                i.enclosing
                    + " "
                    + i.target.get()
                    + " "
                    + i.timeout.present()
                    + " @"
                    + i.clientLocation.line())
        .containsExactly(
            "Documents.load AWS s3 GetObject true @4",
            "Documents.load https://docs.example.com false @7");
    assertThat(r.integrations().get(0).timeout.get())
        .isEqualTo("request 2000 ms (throwOnRequestTimeout)");
  }

  @Test
  void aClientBuiltByAFactoryFunctionOfTheSameFile() {
    var r =
        js(
            """
        const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');
        function makeClient() {
          return new SNSClient({ maxAttempts: 1 });
        }
        const sns = makeClient();
        exports.notify = async (m) => sns.send(new PublishCommand({ Message: m }));
        """);
    assertThat(r.integrations()).hasSize(1);
    assertThat(r.integrations().get(0).retriesDisabled.isTrue()).isTrue();
    assertThat(r.integrations().get(0).clientLocation.line()).isEqualTo(3);
  }

  @Test
  void connectionStringsClusterOptionsAndGotPhases() {
    var r =
        js(
            """
        import pg from 'pg';
        import { Cluster } from 'ioredis';
        import got from 'got';
        const fromEnv = new pg.Pool({ connectionString: process.env.DATABASE_URL });
        const literal = new pg.Pool({ connectionString: 'postgres://db.internal/orders?statement_timeout=4000' });
        const NODES = [{ host: 'cache-1', port: 6379 }];
        const cluster = new Cluster(NODES, { redisOptions: { commandTimeout: 300 } });
        export const a = () => got('https://a.example.com', { timeout: { connect: 500 } });
        """);
    assertThat(r.integrations())
        .extracting(i -> i.client + ":" + i.location.line())
        .containsExactly("pg Pool:4", "pg Pool:5", "ioredis:7", "got:8");
    assertThat(r.integrations().get(0).timeout.unresolved()).isTrue();
    assertThat(r.integrations().get(1).timeout.get())
        .isEqualTo("statement_timeout 4000 ms (connection string)");
    assertThat(r.integrations().get(2).timeout.get()).isEqualTo("300 ms");
    assertThat(knownNone(r.integrations().get(3))).isTrue();
  }

  @Test
  void sdkHelpersAreNotServiceCalls() {
    var r =
        js(
            """
        const AWS = require('aws-sdk');
        const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
        const creds = new AWS.SharedIniFileCredentials({ profile: 'p' });
        const cmd = new GetObjectCommand({ Bucket: 'b', Key: 'k' });
        exports.f = async () => {
          await creds.getPromise();
          cmd.middlewareStack.add(() => {});
          cmd.resolveMiddleware();
        };
        """);
    assertThat(r.integrations()).isEmpty();
  }

  @Test
  void aHealthCheckThatSendsToAQueueOrSetsACacheKeyTouchesADependency() {
    var r =
        ts(
            """
        import express from 'express';
        import { SQSClient, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
        const app = express();
        const sqs = new SQSClient({});
        app.get('/ready', async (req, res) => {
          await sqs.send(new GetQueueAttributesCommand({ QueueUrl: process.env.QUEUE_URL }));
          res.status(200).send('ok');
        });
        app.get('/health', (req, res) => {
          res.set('Cache-Control', 'no-store').status(200).json({ at: new Date().toISOString(), up: process.uptime() });
        });
        """);
    assertThat(r.healthEndpoints())
        .extracting(
            e -> e.path + " " + (e.dependencyCheck.present() ? e.dependencyCheck.get() : "-"))
        .containsExactly("GET /ready send(...)", "GET /health -");
  }

  @Test
  void axiosGlobalDefaultsApplyToDirectCallsAndInstances() {
    var r =
        js(
            """
        import axios from 'axios';
        axios.defaults.timeout = 4000;
        const api = axios.create({ baseURL: 'https://api.example.com' });
        export const a = () => axios.get('https://a.example.com');
        export const b = () => api.get('/b');
        """);
    assertThat(r.integrations())
        .extracting(i -> i.timeout.get())
        .containsExactly("4000 ms", "4000 ms");
  }

  @Test
  void typescriptImportRequire() {
    var r =
        ts(
            """
        import axios = require('axios');
        export const a = () => axios.get('https://a.example.com', { timeout: 1000 });
        """);
    assertThat(r.integrations()).extracting(i -> i.timeout.get()).containsExactly("1000 ms");
  }

  @Test
  void aTimerAbortsOnlyItsOwnController() {
    var r =
        js(
            """
        export async function a() {
          const controller = new AbortController();
          setTimeout(() => controller.abort(), 1000);
          return fetch('https://a.example.com', { signal: controller.signal });
        }
        export async function b() {
          const controller = new AbortController();
          return fetch('https://b.example.com', { signal: controller.signal });
        }
        """);
    assertThat(r.integrations().get(0).timeout.get())
        .isEqualTo("AbortController aborted by setTimeout after 1000 ms");
    assertThat(r.integrations().get(1).timeout.unresolved()).isTrue();
  }

  @Test
  void callsInAnonymousCallbacksAreNamedAfterTheNamedFunctionOrTheRoute() {
    var r =
        js(
            """
        import axios from 'axios';
        import express from 'express';
        import pRetry from 'p-retry';
        const router = express.Router();
        router.get('/orders/:id', async (req, res) => res.json(await axios.get('https://a.example.com', { timeout: 1 })));
        export async function events(id) {
          return pRetry(() => axios.get('https://b.example.com', { timeout: 1 }));
        }
        """);
    assertThat(r.integrations())
        .extracting(i -> i.enclosing)
        .containsExactly("router.get('/orders/:id') callback", "events");
  }

  @Test
  void aSyntaxErrorInAFileReferencingNoRecognisedModuleIsNotListed() {
    var r = js("import fs from 'fs';\nfunction f( {\n  return fs.readFileSync('x');\n");
    assertThat(r.skipped()).isEmpty();
  }

  @Test
  void anImportRequireClauseInDoubleQuotesStillPassesTheTextTest() {
    var r =
        ts(
            """
        import http = require("axios");
        export async function f() {
          return http.get("https://a.example.com/x", { timeout: 3000 });
        }
        """);
    assertThat(r.integrations()).hasSize(1);
  }

  @Test
  void theTextTestTakesFetchOnlyAsAWholeWord() {
    assertThat(Relevance.mayReference("const d = await prefetch(u); fetchAll();")).isFalse();
    assertThat(Relevance.mayReference("const r = await fetch(u);")).isTrue();
    assertThat(Relevance.mayReference("const x = require(\"@aws-sdk/client-s3\");")).isTrue();
  }
}
