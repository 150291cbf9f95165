package com.example.ads;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.concurrent.TimeUnit;

/** Asks the ad service over gRPC with a 300 ms deadline on every call. */
public class AdsClient {
  private final ManagedChannel channel =
      ManagedChannelBuilder.forTarget("ads:9555").usePlaintext().build();
  private final AdServiceGrpc.AdServiceBlockingStub ads = AdServiceGrpc.newBlockingStub(channel);

  public AdResponse adsFor(AdRequest request) {
    return ads.withDeadlineAfter(300, TimeUnit.MILLISECONDS).getAds(request);
  }
}
