import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, NotFoundException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/public.decorator';

const DOC = 'docs/asyncapi.json';

/** docs/asyncapi.json above this file: in the repository, and in the image (/app/docs). */
function findDocument(from = __dirname): string | null {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (existsSync(path.join(dir, DOC))) return path.join(dir, DOC);
  return null;
}

/**
 * The event catalogue as an AsyncAPI 3 document, next to the REST one (/openapi.json): what
 * other systems subscribe to. Generated from the contracts (`npm run asyncapi`), read once.
 */
@ApiExcludeController()
@Controller()
export class AsyncApiController {
  private readonly document: string | null = (() => {
    const file = findDocument();
    return file ? readFileSync(file, 'utf8') : null;
  })();

  @Get('asyncapi.json')
  @Public()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  asyncapi(): string {
    if (!this.document) throw new NotFoundException(`${DOC} is not deployed with this gateway`);
    return this.document;
  }
}
