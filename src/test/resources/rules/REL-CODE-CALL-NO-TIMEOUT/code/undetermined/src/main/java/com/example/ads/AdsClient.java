package com.example.ads;

/** Uses the stub its container injects: whether it carries a deadline is decided where it is made. */
public class AdsClient {
  private final AdServiceGrpc.AdServiceBlockingStub ads;

  public AdsClient(AdServiceGrpc.AdServiceBlockingStub ads) {
    this.ads = ads;
  }

  public AdResponse adsFor(AdRequest request) {
    return ads.getAds(request);
  }
}
