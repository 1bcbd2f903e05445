import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from '@telehealth/contracts';

/** Flattens class-validator errors into `{field, problem}` with dotted paths. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // Built-in messages start with the property name ("email must be ..."); custom ones do not.
    const own = Object.values(e.constraints ?? {}).map((problem) => ({
      field,
      problem: problem.startsWith(`${e.property} `) ? problem.slice(e.property.length + 1) : problem,
    }));
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

/** Unknown fields rejected, types transformed, every problem named by field. */
class GatewayValidationPipe extends ValidationPipe {
  /**
   * A route that takes a DTO body needs one (`{}` at least), as the OpenAPI document says
   * (`requestBody.required`): Nest would otherwise validate a missing body as `{}`.
   */
  override async transform(value: unknown, metadata: ArgumentMetadata): ReturnType<ValidationPipe['transform']> {
    if (metadata.type === 'body' && value == null && this.takesDto(metadata)) {
      throw invalid([{ field: 'body', problem: 'is required: a JSON object ({} at least)' }]);
    }
    return super.transform(value, metadata);
  }

  private takesDto({ metatype }: ArgumentMetadata): boolean {
    return !!metatype && ![Object, String, Number, Boolean, Array].includes(metatype as never);
  }
}

function invalid(details: FieldProblem[]): BadRequestException {
  const fields = [...new Set(details.map((d) => d.field))];
  return new BadRequestException({
    message: `Invalid input: ${fields.join(', ')}`,
    details,
    reason: 'VALIDATION_FAILED',
  });
}

export const validationPipe = new GatewayValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // One problem per field: the first rule it breaks.
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => invalid(fieldProblems(errors)),
});
