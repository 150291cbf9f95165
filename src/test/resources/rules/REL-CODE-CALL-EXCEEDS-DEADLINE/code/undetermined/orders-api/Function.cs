using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace OrdersApi;

// The number of attempts comes from an environment variable read at run time.
public class Function
{
    private static readonly HttpClient Http = new HttpClient
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static readonly int MaxAttempts = int.Parse(Environment.GetEnvironmentVariable("ORDERS_ATTEMPTS"));

    public async Task<APIGatewayProxyResponse> Handler(APIGatewayProxyRequest request, ILambdaContext context)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                var order = await Http.GetStringAsync("https://orders.example.com/latest");
                return new APIGatewayProxyResponse { StatusCode = 200, Body = order };
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200 * attempt);
            }
        }
        return new APIGatewayProxyResponse { StatusCode = 503 };
    }
}
