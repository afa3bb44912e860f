public enum PlaceholderLambdaEmulator {}
