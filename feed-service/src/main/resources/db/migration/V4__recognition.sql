-- Recognition (kudos): who a RECOGNITION post is for and for which of the company's values. The post keeps them
-- to render; recognitions holds one row per recipient for the wall, a person's page and the giving budget.
ALTER TABLE posts ADD COLUMN recipients varchar(64)[];
ALTER TABLE posts ADD COLUMN recognition_value varchar(100);
ALTER TABLE posts ADD COLUMN badge varchar(40);

CREATE TABLE recognitions (
    post_id      uuid         NOT NULL REFERENCES posts (id),
    recipient_id varchar(64)  NOT NULL,
    giver_id     varchar(64)  NOT NULL,
    value        varchar(100) NOT NULL,
    given_at     timestamptz  NOT NULL,
    PRIMARY KEY (post_id, recipient_id)
);
-- what one person received, newest first; and timelines built from the people someone follows
CREATE INDEX recognitions_recipient ON recognitions (recipient_id, given_at DESC, post_id DESC);
-- the wall: everything given in a period
CREATE INDEX recognitions_given ON recognitions (given_at);
-- the giving budget: what one person gave this month
CREATE INDEX recognitions_giver ON recognitions (giver_id, given_at);
