using System;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;

namespace Archive
{
    /// <summary>Stores receipts through an S3 client that never retries.</summary>
    public class ReceiptArchive
    {
        private readonly AmazonS3Client _s3 = new AmazonS3Client(new AmazonS3Config // relplan:finding
        {
            Timeout = TimeSpan.FromSeconds(10),
            MaxErrorRetry = 0, // relplan:evidence
        });

        public Task Store(PutObjectRequest request) => _s3.PutObjectAsync(request);
    }
}
