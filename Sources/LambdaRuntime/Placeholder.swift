public enum PlaceholderLambdaRuntime {}
