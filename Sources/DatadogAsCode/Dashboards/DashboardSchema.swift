/// What Datadog's OpenAPI v1 spec (`../shared/reference/datadog/openapi-v1.yaml`) requires of a dashboard, as
/// data: the widget types of `WidgetDefinition` with the definition schemas that carry each and the fields they
/// require besides `type`, and the enums and required fields of the schemas around them. Taken from the spec
/// and compared with it by `scripts/tests/test_dashboards.py` (`test_the_swift_widget_table_is_the_specs`), so
/// a new spec shows up as a failing test, not as a dashboard refused in production.
public enum DashboardSchema {
    public struct WidgetType: Sendable, Equatable {
        /// The spec's schemas for this `type` (two for `funnel` and `topology_map`, which agree on what is required).
        public let definitions: [String]
        public let required: [String]
    }

    /// `Dashboard.required`.
    public static let dashboardRequired = ["title", "layout_type", "widgets"]
    /// `DashboardLayoutType.enum`.
    public static let layoutTypes = ["ordered", "free"]
    /// `DashboardReflowType.enum`.
    public static let reflowTypes = ["auto", "fixed"]
    /// `DashboardTemplateVariable.required`.
    public static let templateVariableRequired = ["name"]
    /// `Widget.required`.
    public static let widgetRequired = ["definition"]
    /// `WidgetLayout.required`: each a non-negative integer.
    public static let widgetLayoutRequired = ["x", "y", "width", "height"]
    /// `WidgetLayoutType.enum`: how a group lays out its widgets.
    public static let groupLayoutTypes = ["ordered"]

    /// Every `type` of `WidgetDefinition`.
    public static let widgetTypes: [String: WidgetType] = [
        "alert_graph": WidgetType(definitions: ["AlertGraphWidgetDefinition"], required: ["alert_id", "viz_type"]),
        "alert_value": WidgetType(definitions: ["AlertValueWidgetDefinition"], required: ["alert_id"]),
        "bar_chart": WidgetType(definitions: ["BarChartWidgetDefinition"], required: ["requests"]),
        "change": WidgetType(definitions: ["ChangeWidgetDefinition"], required: ["requests"]),
        "check_status": WidgetType(definitions: ["CheckStatusWidgetDefinition"], required: ["check", "grouping"]),
        "cohort": WidgetType(definitions: ["CohortWidgetDefinition"], required: ["requests"]),
        "distribution": WidgetType(definitions: ["DistributionWidgetDefinition"], required: ["requests"]),
        "event_stream": WidgetType(definitions: ["EventStreamWidgetDefinition"], required: ["query"]),
        "event_timeline": WidgetType(definitions: ["EventTimelineWidgetDefinition"], required: ["query"]),
        "free_text": WidgetType(definitions: ["FreeTextWidgetDefinition"], required: ["text"]),
        "funnel": WidgetType(
            definitions: ["FunnelWidgetDefinition", "ProductAnalyticsFunnelWidgetDefinition"], required: ["requests"]),
        "geomap": WidgetType(definitions: ["GeomapWidgetDefinition"], required: ["requests", "style", "view"]),
        "group": WidgetType(definitions: ["GroupWidgetDefinition"], required: ["layout_type", "widgets"]),
        "heatmap": WidgetType(definitions: ["HeatMapWidgetDefinition"], required: ["requests"]),
        "hostmap": WidgetType(definitions: ["HostMapWidgetDefinition"], required: ["requests"]),
        "iframe": WidgetType(definitions: ["IFrameWidgetDefinition"], required: ["url"]),
        "image": WidgetType(definitions: ["ImageWidgetDefinition"], required: ["url"]),
        "list_stream": WidgetType(definitions: ["ListStreamWidgetDefinition"], required: ["requests"]),
        "log_stream": WidgetType(definitions: ["LogStreamWidgetDefinition"], required: []),
        "manage_status": WidgetType(definitions: ["MonitorSummaryWidgetDefinition"], required: ["query"]),
        "note": WidgetType(definitions: ["NoteWidgetDefinition"], required: ["content"]),
        "point_plot": WidgetType(definitions: ["PointPlotWidgetDefinition"], required: ["requests"]),
        "powerpack": WidgetType(definitions: ["PowerpackWidgetDefinition"], required: ["powerpack_id"]),
        "query_table": WidgetType(definitions: ["TableWidgetDefinition"], required: ["requests"]),
        "query_value": WidgetType(definitions: ["QueryValueWidgetDefinition"], required: ["requests"]),
        "retention_curve": WidgetType(definitions: ["RetentionCurveWidgetDefinition"], required: ["requests"]),
        "run_workflow": WidgetType(definitions: ["RunWorkflowWidgetDefinition"], required: ["workflow_id"]),
        "sankey": WidgetType(definitions: ["SankeyWidgetDefinition"], required: ["requests"]),
        "scatterplot": WidgetType(definitions: ["ScatterPlotWidgetDefinition"], required: ["requests"]),
        "servicemap": WidgetType(definitions: ["ServiceMapWidgetDefinition"], required: ["filters", "service"]),
        "slo": WidgetType(definitions: ["SLOWidgetDefinition"], required: ["view_type"]),
        "slo_list": WidgetType(definitions: ["SLOListWidgetDefinition"], required: ["requests"]),
        "split_group": WidgetType(
            definitions: ["SplitGraphWidgetDefinition"], required: ["size", "source_widget_definition", "split_config"]),
        "sunburst": WidgetType(definitions: ["SunburstWidgetDefinition"], required: ["requests"]),
        "timeseries": WidgetType(definitions: ["TimeseriesWidgetDefinition"], required: ["requests"]),
        "toplist": WidgetType(definitions: ["ToplistWidgetDefinition"], required: ["requests"]),
        "topology_map": WidgetType(
            definitions: ["TopologyMapWidgetDefinitionDataStreams", "TopologyMapWidgetDefinitionServiceMap"], required: ["requests"]),
        "trace_service": WidgetType(definitions: ["ServiceSummaryWidgetDefinition"], required: ["env", "service", "span_name"]),
        "treemap": WidgetType(definitions: ["TreeMapWidgetDefinition"], required: ["requests"]),
        "wildcard": WidgetType(definitions: ["WildcardWidgetDefinition"], required: ["requests", "specification"]),
    ]
}
