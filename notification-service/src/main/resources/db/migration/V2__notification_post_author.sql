-- The author of the post a notification is about: the one visibility rule (the kit's Principals) lets an author
-- always see their own post, so every read checks (audience && principals OR author_id = reader).
-- Mentions are the only notifications so far, and their actor is the post's author.
ALTER TABLE notifications ADD COLUMN author_id VARCHAR(128);
UPDATE notifications SET author_id = actor_id;
