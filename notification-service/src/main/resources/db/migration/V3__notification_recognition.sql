-- one recognition notification per post and recipient, as for mentions
CREATE UNIQUE INDEX notifications_one_recognition_per_post ON notifications (recipient_id, post_id)
    WHERE type = 'RECOGNITION';
