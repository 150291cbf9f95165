package com.example.ledger;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Consume-process-produce in a Kafka transaction: exactly once on Kafka, unknown elsewhere. */
@Component
public class LedgerListener {
  private final KafkaTemplate<String, String> template;

  public LedgerListener(KafkaTemplate<String, String> template) {
    this.template = template;
  }

  @KafkaListener(topics = "ledger-entries")
  @Transactional("kafkaTransactionManager")
  public void onEntry(String entry) {
    template.send("ledger-balances", entry);
  }
}
