from ninja import NinjaAPI

api = NinjaAPI(title="Kannustin API", version="1", urls_namespace="api")
