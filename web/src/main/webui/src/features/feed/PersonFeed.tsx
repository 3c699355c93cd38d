import { FeedList } from './FeedList';

/** What one person posted, wherever I may see it (GET /api/feed/people/{id}); for the people screens. */
export function PersonFeed({ personId }: { personId: string }) {
  return (
    <FeedList
      path={`/api/feed/people/${encodeURIComponent(personId)}`}
      label="Posts"
      empty="No posts to show."
    />
  );
}
