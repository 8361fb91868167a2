package dev.tokenx.events;

/** Platform-wide messages for every connected user. */
public sealed interface AnnouncementEvent extends DomainEvent permits SystemAnnouncement {}
