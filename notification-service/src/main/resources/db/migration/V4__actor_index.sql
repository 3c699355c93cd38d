-- An erasure anonymises the notifications an erased employee caused: found by actor, not by scanning them all.
CREATE INDEX notifications_actor ON notifications (actor_id) WHERE actor_id IS NOT NULL;
