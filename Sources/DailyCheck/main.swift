import LambdaRuntime

await LambdaRuntime.run { _ in NotImplementedHandler(function: "daily-check") }
