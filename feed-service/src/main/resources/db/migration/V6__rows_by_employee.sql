-- One employee's own rows, table by table: their GDPR export reads them, and an erasure will remove them. Without
-- these, both would scan every comment, reaction and revision of the company.
CREATE INDEX comments_author ON comments (author_id);
CREATE INDEX post_reactions_employee ON post_reactions (employee_id);
CREATE INDEX comment_reactions_employee ON comment_reactions (employee_id);
CREATE INDEX post_revisions_writer ON post_revisions (written_by);
CREATE INDEX announcement_receipts_employee ON announcement_receipts (employee_id);
