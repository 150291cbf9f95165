"""Recommendations ask the catalog over gRPC without a timeout: gRPC sets no deadline by default."""
import grpc

import catalog_pb2
import catalog_pb2_grpc

channel = grpc.insecure_channel("catalog:3550")
catalog = catalog_pb2_grpc.CatalogServiceStub(channel)  # relplan:evidence


def recommend(user):
    products = catalog.ListProducts(catalog_pb2.Empty())  # relplan:finding
    return [p.id for p in products.products][:5]
