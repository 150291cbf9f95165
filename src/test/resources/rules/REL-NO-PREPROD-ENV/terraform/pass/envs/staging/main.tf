module "app" {
  source      = "../../modules/app"
  environment = "staging"
}
