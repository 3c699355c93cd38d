import { useParams } from 'react-router';
import { api, withQuery, type Page } from '../../api/client';
import { useAction, useLoaded } from '../../shell/async';
import { ErrorNote, PageTitle } from '../../shell/ui';
import { FeedList } from './FeedList';

/** Home: the people, topics and groups I follow, and my own posts; the composer on top. */
export function HomeFeed() {
  return (
    <>
      <PageTitle>Home</PageTitle>
      <FeedList
        path="/api/feed/home"
        label="Home feed"
        liveNews
        composer={{ feed: 'home', accepts: () => true }}
        empty="Your feed is empty. Follow colleagues and topics, or join groups, and their posts will show here."
      />
    </>
  );
}

/** Company: every company-wide post (outside groups) I may see. */
export function CompanyFeed() {
  return (
    <>
      <PageTitle>Company</PageTitle>
      <FeedList
        path="/api/feed/company"
        label="Company feed"
        composer={{ feed: 'company', accepts: (post) => post.groupId === null }}
        empty="Nothing has been posted to the whole company yet."
      />
    </>
  );
}

/** One hashtag's posts, with following the topic (its posts then reach my home feed). */
export function TopicFeed() {
  const { tag: raw = '' } = useParams();
  const tag = raw.replace(/^#/, '').toLowerCase();
  return (
    <>
      <PageTitle actions={<FollowTopic key={tag} tag={tag} />}>#{tag}</PageTitle>
      <FeedList
        path={`/api/feed/topics/${encodeURIComponent(tag)}`}
        label={`Posts tagged #${tag}`}
        empty={`No posts carry #${tag} yet.`}
      />
    </>
  );
}

interface FollowView {
  type: 'PERSON' | 'TOPIC';
  id: string;
}

/** Whether I follow a topic: GET /api/follows lists everything I follow (a few pages at most). */
async function followsTopic(tag: string): Promise<boolean> {
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: Page<FollowView> = await api<Page<FollowView>>(withQuery('/api/follows', { cursor, limit: 100 }));
    if (page.items.some((f) => f.type === 'TOPIC' && f.id === tag)) return true;
    cursor = page.next;
    if (!cursor) return false;
  }
  return false;
}

function FollowTopic({ tag }: { tag: string }) {
  const loaded = useLoaded(() => followsTopic(tag), [tag]);
  const following = loaded.data;
  const { busy, error, run } = useAction();
  const toggle = () =>
    run(async () => {
      await api<void>(`/api/follows/topics/${encodeURIComponent(tag)}`, { method: following ? 'DELETE' : 'PUT' });
      loaded.setData(!following);
    });
  return (
    <div className="row">
      {following !== null && (
        <button
          type="button"
          className={following ? undefined : 'primary'}
          disabled={busy}
          onClick={() => void toggle()}
        >
          {following ? 'Unfollow topic' : 'Follow topic'}
        </button>
      )}
      <ErrorNote error={error ?? loaded.error} />
    </div>
  );
}
