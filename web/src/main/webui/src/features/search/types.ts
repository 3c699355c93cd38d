/** Shapes of search-service's answers (SearchView in search-service/…/api; suggestions are the shell's). */

export interface SearchHit {
  type: 'post' | 'person';
  id: string;
  /** Plain text: a post's author's name, a person's name. */
  title: string;
  /** Plain text. */
  snippet: string;
  /** HTML-escaped fragments with `<em>` around matches, by field (body, comments, displayName, title, skills…). */
  highlights?: Record<string, string[]>;
  score: number;
  // Posts
  kind?: string;
  authorId?: string;
  groupId?: string;
  hashtags?: string[];
  createdAt?: string;
  mustRead?: boolean;
  expiresAt?: string;
  recipients?: string[];
  value?: string;
  // People
  username?: string;
  department?: string;
  location?: string;
  former?: boolean;
}

export interface SearchView {
  items: SearchHit[];
  total: number;
  /** facet (kind, tags, author, group, department, location, date) → value → count */
  facets: Record<string, Record<string, number>>;
  /** author and group ids → names */
  facetLabels: Record<string, Record<string, string>>;
  typosForgiven: boolean;
  next: string | null;
}
