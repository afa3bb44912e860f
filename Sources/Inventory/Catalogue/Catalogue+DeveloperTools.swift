import AWSCore

extension Catalogue {
    static let developerTools: [ResourceKind] = [
        ResourceKind(
            id: "codecommit-repositories", sheet: "CodeCommit Repositories", title: "CodeCommit repositories", category: .developerTools,
            api: .codeCommit,
            listing: Listing(AWSOperation("ListRepositories"), paging: .lowerNextToken(limit: nil), items: "repositories[]"),
            columns: [Column("Repository", "repositoryName"), Column("Repository ID", "repositoryId")],
            costServices: ["AWS CodeCommit"]),
        ResourceKind(
            id: "codebuild-projects", sheet: "CodeBuild Projects", title: "CodeBuild projects", category: .developerTools, api: .codeBuild,
            listing: Listing(
                AWSOperation("ListProjects"), paging: .lowerNextToken(limit: nil), items: "projects[]",
                detail: DetailCall(AWSOperation("BatchGetProjects"), input: [InputField("names", .batch)], batchSize: 100, result: "projects[]", merge: .rows)),
            columns: [
                Column("Project", "name"), Column("Source", "source.type"), Column("Location", "source.location"),
                Column("Image", "environment.image"), Column("Compute", "environment.computeType"), Column("Created", "created", .timestamp),
                Column("Modified", "lastModified", .timestamp), Column("ARN", "arn"),
            ],
            costServices: ["CodeBuild"]),
        ResourceKind(
            id: "codedeploy-applications", sheet: "CodeDeploy Applications", title: "CodeDeploy applications", category: .developerTools,
            api: .codeDeploy,
            listing: Listing(
                AWSOperation("ListApplications"), paging: .lowerNextToken(limit: nil), items: "applications[]",
                detail: DetailCall(
                    AWSOperation("BatchGetApplications"), input: [InputField("applicationNames", .batch)], batchSize: 100,
                    result: "applicationsInfo[]", merge: .rows)),
            columns: [
                Column("Application", "applicationName"), Column("Platform", "computePlatform"), Column("Linked to GitHub", "linkedToGitHub"),
                Column("Created", "createTime", .timestamp), Column("Application ID", "applicationId"),
            ],
            costServices: ["AWS CodeDeploy"]),
        ResourceKind(
            id: "codepipeline-pipelines", sheet: "CodePipeline Pipelines", title: "CodePipeline pipelines", category: .developerTools,
            api: .codePipeline,
            listing: Listing(AWSOperation("ListPipelines"), paging: .lowerNextToken(sizes: 1...1_000), items: "pipelines[]"),
            columns: [
                Column("Pipeline", "name"), Column("Version", "version", .integer), Column("Type", "pipelineType"),
                Column("Execution mode", "executionMode"), Column("Created", "created", .timestamp), Column("Updated", "updated", .timestamp),
            ],
            costServices: ["AWS CodePipeline"]),
        ResourceKind(
            id: "codeartifact-repositories", sheet: "CodeArtifact Repositories", title: "CodeArtifact repositories",
            category: .developerTools, api: .codeArtifact,
            listing: Listing(
                AWSOperation("ListRepositories", path: "/v1/repositories"),
                paging: .token("next-token", "nextToken", limit: "max-results", sizes: 1...1_000), items: "repositories[]"),
            columns: [
                Column("Repository", "name"), Column("Domain", "domainName"), Column("Domain owner", "domainOwner"),
                Column("Description", "description"), Column("Created", "createdTime", .timestamp), Column("ARN", "arn"),
            ],
            costServices: ["AWS CodeArtifact"]),
    ]
}
