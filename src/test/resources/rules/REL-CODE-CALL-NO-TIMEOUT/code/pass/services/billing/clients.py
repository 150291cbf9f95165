import requests

# One session for the service, shared by its modules.
session = requests.Session()
