package org.intranet.notification.domain;

/** What happened to the recipient; clients pick an icon and a wording from it. */
public enum NotificationType {
    MENTION, COMMENT, REACTION, RECOGNITION, ANNOUNCEMENT, FOLLOW, GROUP
}
