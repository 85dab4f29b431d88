import type { GenericSchema, InferOutput } from 'valibot';
import type { Checked } from '$lib/domain/validation';

type FormInputs = typeof import('$lib/domain/form-inputs');

/** The name of each form's input schema in $lib/domain/form-inputs. */
export type FormName = {
	[K in keyof FormInputs]: FormInputs[K] extends GenericSchema ? K : never;
}[keyof FormInputs];

export type FormFields<K extends FormName> = InferOutput<FormInputs[K]>;

/** Checks a form's input; the schemas and valibot load on the first save, not at start-up. */
export async function validate<K extends FormName>(
	name: K,
	input: unknown
): Promise<Checked<FormFields<K>>> {
	const [inputs, { check }] = await Promise.all([
		import('$lib/domain/form-inputs'),
		import('$lib/domain/validation')
	]);
	return check(inputs[name] as GenericSchema, input) as Checked<FormFields<K>>;
}
