using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace Catalog;

// The timeout comes from an environment variable read at run time.
public class Function
{
    private static readonly HttpClient Http = new HttpClient
    {
        Timeout = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("CATALOG_TIMEOUT"))),
    };

    public async Task<APIGatewayProxyResponse> Handler(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var items = await Http.GetStringAsync("https://catalog.example.com/items");
        return new APIGatewayProxyResponse { StatusCode = 200, Body = items };
    }
}
