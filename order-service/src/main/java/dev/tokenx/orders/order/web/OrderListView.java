package dev.tokenx.orders.order.web;

import java.util.List;

/** The caller's orders, newest first; an object rather than a bare array so that paging can be added. */
record OrderListView(List<OrderView> orders) {}
