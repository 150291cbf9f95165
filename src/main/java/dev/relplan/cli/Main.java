package dev.relplan.cli;

public final class Main {
  public static void main(String[] args) {
    System.out.println("relplan");
  }
}
