using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;

namespace Quotes
{
    /// <summary>An explicit HttpClient timeout, HttpClient's finite 100 s default, and the AWS SDK's default timeout.</summary>
    public class QuotesClient
    {
        private static readonly HttpClient Bounded = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        private static readonly HttpClient Plain = new HttpClient();
        private readonly AmazonDynamoDBClient _table = new AmazonDynamoDBClient();

        public Task<string> Latest(string symbol) => Bounded.GetStringAsync("https://quotes.example.com/v1/" + symbol);

        public Task<string> History(string symbol) => Plain.GetStringAsync("https://quotes.example.com/v1/history/" + symbol);

        public Task Save() => _table.PutItemAsync(null);
    }
}
