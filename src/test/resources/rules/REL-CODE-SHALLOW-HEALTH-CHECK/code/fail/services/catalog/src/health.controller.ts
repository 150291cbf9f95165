// NestJS readiness endpoint that answers a constant.
import { Controller, Get } from '@nestjs/common';

@Controller('catalog')
export class HealthController {
  @Get('ready')
  ready() { // relplan:finding
    return { status: 'ok' };
  }
}
