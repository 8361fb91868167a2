package dev.tokenx.notifications.delivery.domain;

/** The JSON body of a realtime message, as the browser receives it; absent values are left out. */
public sealed interface NotificationPayload permits OrderStatusUpdate, PortfolioUpdate, Announcement, PriceUpdate {}
