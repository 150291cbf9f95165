using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace OrdersApi;

// Two attempts of up to 5 s each: 10 s, inside the REST API's 29 s.
public class Function
{
    private static readonly HttpClient Http = new HttpClient
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public async Task<APIGatewayProxyResponse> Handler(APIGatewayProxyRequest request, ILambdaContext context)
    {
        for (var attempt = 1; attempt <= 2; attempt++)
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
