// Whether a publish on a connection the broker blocks is bounded is not decided for RabbitMQ.Client.
public static class Bus
{
    public static void AddBus(this IHostApplicationBuilder builder) => builder.AddRabbitMQClient("eventbus");
}
