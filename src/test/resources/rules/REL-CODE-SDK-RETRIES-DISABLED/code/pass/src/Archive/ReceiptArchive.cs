using System;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;

namespace Archive
{
    /// <summary>Stores receipts through an S3 client with five retries.</summary>
    public class ReceiptArchive
    {
        private readonly AmazonS3Client _s3 = new AmazonS3Client(new AmazonS3Config
        {
            Timeout = TimeSpan.FromSeconds(10),
            MaxErrorRetry = 5,
        });

        public Task Store(PutObjectRequest request) => _s3.PutObjectAsync(request);
    }
}
