import { expect } from 'vitest';
import type { Journey } from './journey.ts';
import type { Person } from './people.ts';
import type { Language, Visitor, VisitorOptions } from './visitor.ts';
import { SignInPage } from '../pages/sign-in-page.ts';

/**
 * A person arrives, follows a link to a page of the service, is asked to sign in first, and
 * lands on that page once signed in.
 */
export async function signInAt(
  journey: Journey,
  lang: Language,
  person: Person,
  path: string,
  options?: VisitorOptions,
): Promise<Visitor> {
  const visitor = await journey.arrive(lang, options);
  await visitor.visit(path);
  const signIn = new SignInPage(visitor);
  await signIn.expectShown();
  await signIn.signIn(person.email, person.password);
  expect(visitor.path()).toBe(path);
  return visitor;
}
