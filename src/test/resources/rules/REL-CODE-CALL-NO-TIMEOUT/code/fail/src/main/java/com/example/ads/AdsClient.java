package com.example.ads;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

/** Asks the ad service over gRPC without a deadline: gRPC sets none by default. */
public class AdsClient {
  private final ManagedChannel channel =
      ManagedChannelBuilder.forTarget("ads:9555").usePlaintext().build();
  private final AdServiceGrpc.AdServiceBlockingStub ads =
      AdServiceGrpc.newBlockingStub(channel); // relplan:evidence

  public AdResponse adsFor(AdRequest request) {
    return ads.getAds(request); // relplan:finding
  }
}
