import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client';
import { ErrorNote, Loading, PageTitle } from '../../shell/ui';
import { PostCard } from './PostCard';
import type { Post } from './types';
import './feed.css';

/**
 * One post with its conversation open (a notification's or a search hit's target). feed-service answers 404
 * alike for a post that does not exist, was deleted, or sits in a private group the reader is not in, so the
 * page says only that it is not available.
 */
export function PostPage() {
  const { id = '' } = useParams();
  const [post, setPost] = useState<Post | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deleted, setDeleted] = useState(false);

  useEffect(() => {
    let live = true;
    setPost(null);
    setError(null);
    setDeleted(false);
    api<Post>(`/api/posts/${encodeURIComponent(id)}`)
      .then((p) => live && setPost(p))
      .catch((e: unknown) => {
        if (!live) return;
        const missing = e instanceof ApiError && e.status === 404;
        setError(missing ? new Error(`This post is not available (${e.message}).`) : e);
      });
    return () => {
      live = false;
    };
  }, [id]);

  const back = (
    <p>
      <Link to="/">Back to the home feed</Link>
    </p>
  );
  if (deleted) {
    return (
      <>
        <PageTitle>Post</PageTitle>
        <p role="status">The post was deleted.</p>
        {back}
      </>
    );
  }
  if (error) {
    return (
      <>
        <PageTitle>Post</PageTitle>
        <ErrorNote error={error} />
        {back}
      </>
    );
  }
  if (!post) return <Loading label="Loading the post…" />;
  return (
    <>
      <PageTitle>Post</PageTitle>
      <PostCard post={post} onChange={setPost} onDelete={() => setDeleted(true)} commentsOpen />
    </>
  );
}
