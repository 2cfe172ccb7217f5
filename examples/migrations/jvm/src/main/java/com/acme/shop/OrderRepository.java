package com.acme.shop;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Application code, not a migration: never scanned as one. */
@Repository
public class OrderRepository {
  private final JdbcTemplate jdbc;

  public OrderRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Long> openOrders() {
    return jdbc.queryForList("SELECT id FROM orders WHERE state = 'NEW'", Long.class);
  }

  public void cancel(long id) {
    jdbc.update("UPDATE orders SET state = 'CANCELLED' WHERE id = ?", id);
  }
}
