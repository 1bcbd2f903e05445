import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
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
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // One problem per field: the first rule it breaks.
  stopAtFirstError: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => {
    const details = fieldProblems(errors);
    const fields = [...new Set(details.map((d) => d.field))];
    return new BadRequestException({
      message: `Invalid input: ${fields.join(', ')}`,
      details,
      reason: 'VALIDATION_FAILED',
    });
  },
});
