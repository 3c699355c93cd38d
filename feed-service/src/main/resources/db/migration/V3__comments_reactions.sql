-- Comments and reactions (CommentService, ReactionService): the tables are V2's. Editing or deleting a comment
-- forgets the handles still pending in it (MentionStore.forgetPendingOfComment): find them by comment, not by a scan.
CREATE INDEX pending_mentions_comment ON pending_mentions (comment_id) WHERE comment_id IS NOT NULL;
