import { limits } from './limits';
import type { FieldProblems } from './validation';

export interface PassphraseChoice {
	passphrase: string;
	again: string;
}

/** What is wrong with a new backup passphrase, field by field; empty when it will do. */
export function passphraseProblems(choice: PassphraseChoice): FieldProblems<PassphraseChoice> {
	const length = [...choice.passphrase].length;
	if (length < limits.passphrase.min) return { passphrase: 'passphrase_too_short' };
	if (length > limits.passphrase.max) return { passphrase: 'too_long' };
	if (choice.again !== choice.passphrase) return { again: 'not_the_same' };
	return {};
}
