package com.example.inventory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reserves stock for every reservation event of the topic. */
@Component
@KafkaListener(topics = "reservations", groupId = "inventory")
public class StockEvents {
  private final StockLedger ledger;

  public StockEvents(StockLedger ledger) {
    this.ledger = ledger;
  }

  @KafkaHandler // relplan:finding
  public void onReserved(Reservation event) {
    ledger.reserve(event);
  }
}
