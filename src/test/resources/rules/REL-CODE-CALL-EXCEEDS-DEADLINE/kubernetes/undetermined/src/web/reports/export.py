"""Report export: its folder is named like both the web and the reports workloads."""
import requests


def export_sales():
    return requests.get("https://warehouse.shop.svc/sales.csv", timeout=(3, 120))
