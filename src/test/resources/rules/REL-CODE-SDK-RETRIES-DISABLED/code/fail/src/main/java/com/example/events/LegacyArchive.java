package com.example.events;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;

/** AWS SDK 1.x: a ClientConfiguration with no error retries. */
public class LegacyArchive {
  private final AmazonS3 s3;

  public LegacyArchive() {
    ClientConfiguration config = new ClientConfiguration();
    config.setMaxErrorRetry(0); // relplan:evidence
    config.setSocketTimeout(10_000);
    s3 = AmazonS3ClientBuilder.standard().withClientConfiguration(config).build(); // relplan:finding
  }

  public void archive(String key, String body) {
    s3.putObject("archive", key, body);
  }
}
