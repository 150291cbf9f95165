package com.example.inventory;

/** A reservation event: its id is unique per reservation, whatever the delivery. */
public record Reservation(String id, String sku, int quantity) {}
