package org.intranet.notification.domain;

/**
 * What happened to the recipient; clients pick an icon and a wording from it, and preferences are set per type.
 * {@code COMMENT} covers a comment on my post and a reply in a thread I took part in; {@code GROUP} being added to a
 * group and a new post in a group whose notifications I turned on.
 */
public enum NotificationType {
    MENTION, COMMENT, REACTION, RECOGNITION, ANNOUNCEMENT, FOLLOW, GROUP
}
