import { error } from '@sveltejs/kit';
import { isLessonId, LESSON_IDS } from '$lib/components/learn/ids';
import type { EntryGenerator, PageLoad } from './$types';

// One prerendered lesson per scheme.
export const entries: EntryGenerator = () => LESSON_IDS.map((scheme) => ({ scheme }));

export const load: PageLoad = ({ params }) => {
  const id = params.scheme;
  if (!isLessonId(id)) error(404, `No lesson for the scheme "${id}".`);
  return { id };
};
